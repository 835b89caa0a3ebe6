// First-party cookies on whatever page the pixel runs on. Every access is guarded: documents in sandboxed
// iframes or with cookies disabled throw on `document.cookie`, and the pixel must never throw into its host.

export function getCookie(name: string): string {
  try {
    const parts = document.cookie.split("; ");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (p.slice(0, name.length + 1) === name + "=") return decodeURIComponent(p.slice(name.length + 1));
    }
  } catch (_e) {}
  return "";
}

export function setCookie(name: string, value: string, days: number): void {
  try {
    document.cookie =
      name +
      "=" +
      encodeURIComponent(value) +
      "; max-age=" +
      Math.round(days * 86400) +
      "; path=/; SameSite=Lax" +
      (location.protocol === "https:" ? "; Secure" : "");
  } catch (_e) {}
}
