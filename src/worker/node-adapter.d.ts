// comlink 4.4.2 ships no typings next to its ESM node adapter (TS7016); this is its shape.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(nep: {
    postMessage(m: any, t?: any): void;
    on(t: string, l: (...a: any[]) => void): void;
    off(t: string, l: (...a: any[]) => void): void;
    start?(): void;
  }): Endpoint;
}
