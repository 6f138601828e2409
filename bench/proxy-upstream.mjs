// A local OpenAI-compatible upstream for bench/proxy.ts, in its own process (the proxy's CPU work must not delay it):
// answers after DELAY_MS, or streams 40 deltas TICK_MS apart; prints its base URL on the first line of stdout.
import { createServer } from 'node:http';

const [delayMs, tickMs, answer] = [Number(process.argv[2] ?? 0), Number(process.argv[3] ?? 5), process.argv[4] ?? 'ok'];

const server = createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk.toString()));
  req.on('end', () => {
    const body = JSON.parse(text);
    const base = { id: 'chatcmpl-bench', created: 0, model: body.model };
    if (body.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let i = 0;
      const tick = setInterval(() => {
        if (res.destroyed || i === 40) {
          clearInterval(tick);
          if (!res.destroyed) res.end('data: [DONE]\n\n');
          return;
        }
        const chunk = {
          ...base,
          object: 'chat.completion.chunk',
          choices: [{ index: 0, delta: { content: answer.slice(0, 40) }, finish_reason: null }],
        };
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
        i++;
      }, tickMs);
      return;
    }
    const timer = setTimeout(() => {
      const message = { role: 'assistant', content: answer };
      const completion = {
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message, finish_reason: 'stop' }],
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion));
    }, delayMs);
    res.on('close', () => clearTimeout(timer));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/v1`));
