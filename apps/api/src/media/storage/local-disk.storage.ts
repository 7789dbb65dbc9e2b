import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { assertMediaKey, MediaStorage } from './media-storage';

/**
 * Media on the local disk under one root (MEDIA_STORAGE_DIR). Files are written to a temporary
 * name and renamed, so a reader never sees half a file and a crash leaves no partial one
 * under a real key.
 */
export class LocalDiskMediaStorage extends MediaStorage {
  readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    if (await this.exists(key)) return;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temp = `${path}.${randomUUID()}.tmp`;
    await writeFile(temp, data, { mode: 0o600 });
    await rename(temp, path);
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await access(path);
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertMediaKey(key);
    const path = resolve(join(this.root, key));
    // The key's pattern already rules out `..` and absolute paths; this holds even if it changes.
    if (!path.startsWith(this.root + sep)) throw new Error('media key outside the store');
    return path;
  }
}
