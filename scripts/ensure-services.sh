#!/usr/bin/env bash
# Starts the local services the integration tests talk to, if they are down (Redis, PostgreSQL, NATS).
set -uo pipefail

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! up 6379 && command -v redis-server >/dev/null; then
  echo "starting redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || echo "warning: could not start redis"
fi
if ! up 5432 && command -v pg_ctlcluster >/dev/null; then
  echo "starting postgresql"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || echo "warning: could not start postgresql"
fi
if ! up 4222 && [ -x /usr/sbin/nats-server ]; then
  echo "starting nats"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log || echo "warning: could not start nats"
fi
exit 0
