// In HTTP interactions mode the first answer to an interaction is the body of Discord's own
// POST, not a call to the callback endpoint. discord.js's interaction methods (reply, deferReply,
// deferUpdate, respond) all send that first answer as POST /interactions/{id}/{token}/callback
// through the client's REST; this router catches exactly those calls for interactions whose
// HTTP request is still open and hands the body to it. Everything after (editReply, followUp:
// PATCH/POST /webhooks/{app id}/{token}/...) goes to Discord as usual, through the proxy.
import type { ResponseLike } from 'discord.js';

/** The interaction response Discord gets as the body of its request. */
export type InitialResponse = { type: number; data?: unknown };

type MakeRequest = (url: string, init: RequestInit) => Promise<ResponseLike>;

interface Open {
  answer(response: InitialResponse | null): Promise<void>;
}

const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/;

export class InitialResponses {
  private readonly open = new Map<string, Open>();

  /**
   * Waits for the first answer to interaction `id`: the callback body, or null once `work` (the
   * handler) has finished without one. `written` must be called once the HTTP response is sent:
   * until then the handler's reply() does not return, so no edit can overtake the answer.
   */
  wait(id: string, work: () => Promise<void>): Promise<{ response: InitialResponse | null; written: () => void }> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (response: InitialResponse | null) =>
        new Promise<void>((written) => {
          if (settled) return written();
          settled = true;
          this.open.delete(id);
          resolve({ response, written: () => written() });
        });
      this.open.set(id, { answer: finish });
      void work().finally(() => void finish(null));
    });
  }

  /** Wraps the REST client's request function: callbacks of open interactions become their HTTP answer. */
  intercept(next: MakeRequest): MakeRequest {
    return async (url, init) => {
      const id = CALLBACK.exec(new URL(url).pathname)?.[1];
      const open = id === undefined ? undefined : this.open.get(id);
      if (!open || typeof init.body !== 'string') return next(url, init);
      await open.answer(JSON.parse(init.body) as InitialResponse);
      // What Discord's callback endpoint answers: 204, no body.
      return new Response(null, { status: 204 });
    };
  }
}
