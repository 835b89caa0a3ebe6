import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string, pretty = false): Logger {
  return pino({
    level,
    base: undefined,
    // Secrets and raw addresses never reach the logs.
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "key",
        "*.key",
        "apiKey",
        "*.apiKey",
        "authorization",
        "*.authorization",
        "req.headers.authorization",
        "req.headers['x-api-key']",
        "ip",
        "*.ip",
      ],
      censor: "[redacted]",
    },
    ...(pretty ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" } } } : {}),
  });
}
