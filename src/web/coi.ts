// Cross-origin isolation without server headers: where the host sends no COOP/COEP, the header service
// worker (coi-sw.js) adds them; the page reloads once when it takes control. ?coi=0 turns this off.

const RELOADED = 'lkm-coi-reloaded';

export type CoiState = 'isolated' | 'reloading' | 'unavailable' | 'off';

/** Whether the page is isolated, about to reload into isolation, or cannot be (and why not). */
export async function ensureIsolation(params: URLSearchParams): Promise<CoiState> {
  if (self.crossOriginIsolated) {
    sessionStorage.removeItem(RELOADED);
    return 'isolated';
  }
  if (params.get('coi') === '0') return 'off';
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return 'unavailable';
  // Reloaded once already and still not isolated: the worker cannot help here (a private window, a
  // browser that does not apply its headers); run without isolation rather than reload forever.
  if (sessionStorage.getItem(RELOADED)) return 'unavailable';
  try {
    const reg = await navigator.serviceWorker.register('./coi-sw.js');
    await navigator.serviceWorker.ready;
    sessionStorage.setItem(RELOADED, '1');
    if (navigator.serviceWorker.controller || reg.active) {
      location.reload();
      return 'reloading';
    }
    return 'unavailable';
  } catch {
    return 'unavailable';
  }
}
