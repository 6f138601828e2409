import { describe, expect, it, vi } from 'vitest';
import { Waiters } from './waiters.js';

const waiter = () => ({ resolve: vi.fn(), reject: vi.fn() });

describe('Waiters', () => {
  it('gives the first answer for a job to everyone waiting for it and ignores later ones (first wins)', () => {
    const w = new Waiters();
    const a = waiter();
    const b = waiter();
    w.add('t:c', a);
    w.add('t:c', b);
    w.settle('t:c', { answer: 1 });
    w.settle('t:c', { answer: 2 });
    w.settle('t:c', { error: new Error('late failure') });
    expect(a.resolve).toHaveBeenCalledExactlyOnceWith(1);
    expect(b.resolve).toHaveBeenCalledExactlyOnceWith(1);
    expect(a.reject).not.toHaveBeenCalled();
    expect(w.counts()).toEqual({ pending: 0, delivered: 1, ignored: 2 });
  });

  it('forgets a waiter that gives up, and says when nobody waits for the job any more', () => {
    const w = new Waiters();
    const a = waiter();
    const b = waiter();
    w.add('j', a);
    w.add('j', b);
    expect(w.remove('j', a)).toBe(false);
    expect(w.remove('j', b)).toBe(true);
    w.settle('j', { answer: 1 });
    expect(a.resolve).not.toHaveBeenCalled();
    expect(w.counts().ignored).toBe(1);
  });

  it('fails every waiter on close', () => {
    const w = new Waiters();
    const a = waiter();
    w.add('j', a);
    const error = new Error('closed');
    w.rejectAll(error);
    expect(a.reject).toHaveBeenCalledWith(error);
    expect(w.counts().pending).toBe(0);
  });
});
