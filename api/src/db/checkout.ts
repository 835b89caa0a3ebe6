// A pool connection checked out for several statements. While checked out it listens for 'error': a connection
// lost between statements (terminated by an admin, the server restarting) emits that event as well as failing the
// next query, and unheard it would crash the process. Released with the error, a lost or broken connection is
// dropped instead of going back to the pool.
import type pg from "pg";

export interface Checkout {
  client: pg.PoolClient;
  /** Marks the connection as unusable: release() drops it. */
  fail(err: Error): void;
  release(): void;
}

export async function checkout(pool: pg.Pool): Promise<Checkout> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const fail = (err: Error) => {
    broken ??= err;
  };
  client.on("error", fail);
  return {
    client,
    fail,
    release() {
      client.off("error", fail);
      client.release(broken);
    },
  };
}
