// The lab's header service worker, for hosts that cannot send headers (GitHub Pages and the like): it
// answers the page's requests from the network and adds the cross-origin isolation headers
// (COOP/COEP) the kernel's shared memory needs. main.ts registers it when the page is not isolated and
// reloads once it controls the page. Plain JavaScript: it is served as it is, next to index.html.
/* eslint-env serviceworker */

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // A request the browser makes for its own cache only (DevTools): not ours to answer.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(fetch(request).then((response) => {
    // Opaque responses (cross-origin without CORS) cannot be rewritten.
    if (response.status === 0) return response;
    const headers = new Headers(response.headers);
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }));
});
