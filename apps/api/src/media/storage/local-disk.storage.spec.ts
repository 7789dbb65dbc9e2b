import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskMediaStorage } from './local-disk.storage';
import { mediaKey } from './media-storage';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function read(storage: LocalDiskMediaStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.open(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskMediaStorage', () => {
  let dir: string;
  let storage: LocalDiskMediaStorage;
  const workspace = randomUUID();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-media-'));
    storage = new LocalDiskMediaStorage(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores bytes under their content address in the workspace folder and reads them back', async () => {
    const data = Buffer.from('a picture');
    const key = mediaKey(workspace, sha(data));
    await storage.put(key, data);
    expect(await storage.exists(key)).toBe(true);
    expect((await read(storage, key)).equals(data)).toBe(true);
    expect(await readdir(join(dir, workspace, sha(data).slice(0, 2)))).toEqual([sha(data)]);
    await storage.put(key, data);
    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.open(key)).rejects.toThrow();
  });

  it.each(['../etc/passwd', `${workspace}/../../x`, `/${workspace}/ab/${'a'.repeat(64)}`, `${workspace}/zz/${'a'.repeat(64)}`, ''])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow();
      await expect(storage.open(key)).rejects.toThrow('not a media storage key');
    },
  );

  it('makes keys only from a workspace uuid and a hex sha256', () => {
    expect(() => mediaKey('../x', 'a'.repeat(64))).toThrow();
    expect(() => mediaKey(workspace, 'not-hex')).toThrow();
  });
});
