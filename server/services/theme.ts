import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import {
  ASSET_MAX_BYTES,
  ASSET_TYPES,
  AssetName,
  DEFAULT_THEME,
  IMAGE_TYPES,
  Theme,
  themeAssetRefs,
  type Actor,
  type AssetType,
  type Issue,
  type ThemeState,
} from '../../shared/index.js';
import type { Clock } from '../clock.js';
import { AppError, InvalidError, NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { AssetMeta } from '../store/types.js';
import { parse } from '../validate.js';

/** Where the theme is kept among the store's documents. */
export const THEME_DOC = { collection: 'theme', id: 'current' } as const;

/** An upload whose bytes are none of the kinds an asset may be (judged by content, never by its name). */
export class UnsupportedAssetError extends AppError {
  constructor(name: string, found: string | null) {
    const seen = found ? `its bytes are ${found}` : 'its bytes are not a file type that can be recognised';
    const message = `asset "${name}" must be a PNG, JPEG, WebP or WOFF2 file; ${seen}`;
    super(415, 'invalid', message, { asset: name, issues: [{ path: 'body', message }] });
  }
}

/** Reads the kind of an asset from its first bytes. */
async function sniff(bytes: Buffer): Promise<{ type: AssetType | null; found: string | null }> {
  const ft = await fileTypeFromBuffer(bytes);
  if (!ft) return { type: null, found: null };
  const type = (ASSET_TYPES as readonly string[]).includes(ft.mime) ? (ft.mime as AssetType) : null;
  return { type, found: `${ft.mime} (.${ft.ext})` };
}

/**
 * The station's look: `GET`/`PUT /api/theme` and the assets it names (`PUT /api/assets/:name`, `GET /assets/:name`).
 * The theme is one stored document; each change and each upload is logged as a `theme` event by who made it.
 */
export function createThemeService({ store, clock }: { store: Store; clock: Clock }) {
  /** The stored theme and its revision; the default (revision 0) until one is stored. */
  async function current(): Promise<{ theme: Theme; revision: number }> {
    const doc = await store.readDoc(THEME_DOC.collection, THEME_DOC.id);
    const stored = doc ? Theme.safeParse(doc.value) : null;
    return stored?.success ? { theme: stored.data, revision: doc!.revision } : { theme: DEFAULT_THEME, revision: 0 };
  }

  /** What the overlays are pushed: the theme with the versions of the assets it names that exist. */
  async function state(): Promise<ThemeState> {
    const [{ theme, revision }, assets] = await Promise.all([current(), store.listAssets()]);
    return { theme, revision, assets: versionsFor(theme, assets) };
  }

  /** Each asset the theme names must exist and be of its field's kind (a font is WOFF2, the others images). */
  async function checkRefs(theme: Theme): Promise<void> {
    const refs = themeAssetRefs(theme);
    if (refs.length === 0) return;
    const known = new Map((await store.listAssets()).map((a) => [a.name, a]));
    const issues: Issue[] = [];
    for (const ref of refs) {
      const a = known.get(ref.name);
      if (!a) issues.push({ path: ref.path, message: `no asset "${ref.name}" has been uploaded (PUT /api/assets/${ref.name})` });
      else if (ref.kind === 'font' && a.contentType !== 'font/woff2')
        issues.push({ path: ref.path, message: `asset "${ref.name}" is ${a.contentType}, not a WOFF2 font` });
      else if (ref.kind === 'image' && !IMAGE_TYPES.includes(a.contentType as AssetType))
        issues.push({ path: ref.path, message: `asset "${ref.name}" is ${a.contentType}, not an image` });
    }
    if (issues.length > 0) throw new InvalidError(issues);
  }

  async function put(body: unknown, actor: Actor): Promise<Theme> {
    const theme = parse(Theme, body);
    await checkRefs(theme);
    const doc = await store.updateDoc<Theme>(
      THEME_DOC.collection,
      THEME_DOC.id,
      (stored) =>
        JSON.stringify(stored) === JSON.stringify(theme)
          ? undefined
          : { value: theme, log: [{ type: 'theme', data: { action: 'set', ...theme } }] },
      actor,
    );
    return (doc?.value as Theme | undefined) ?? theme;
  }

  async function putAsset(rawName: string, bytes: unknown, actor: Actor): Promise<AssetMeta> {
    const name = parse(AssetName, rawName, 'name');
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw new InvalidError([{ path: 'body', message: `asset "${name}" needs the file's bytes as the body` }]);
    }
    if (bytes.length > ASSET_MAX_BYTES) throw new AssetTooLargeError(name);
    const { type, found } = await sniff(bytes);
    if (!type) throw new UnsupportedAssetError(name, found);
    const meta: AssetMeta = {
      name,
      contentType: type,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      updatedAt: clock.now().toISOString(),
    };
    const { name: asset, contentType, size, sha256 } = meta;
    await store.writeAsset(meta, bytes, [{ type: 'theme', data: { action: 'asset', asset, contentType, size, sha256 } }], actor);
    return meta;
  }

  async function getAsset(rawName: string): Promise<{ meta: AssetMeta; bytes: Buffer }> {
    const name = AssetName.safeParse(rawName);
    const found = name.success ? await store.readAsset(name.data) : null;
    if (!found) throw new NotFoundError('asset', rawName);
    return found;
  }

  return { get: async () => (await current()).theme, state, put, putAsset, getAsset, listAssets: () => store.listAssets() };
}
export type ThemeService = ReturnType<typeof createThemeService>;

/** A body over the asset limit (5 MB). */
export class AssetTooLargeError extends AppError {
  constructor(name: string) {
    super(413, 'too_large', `asset "${name}" is larger than the ${ASSET_MAX_BYTES / (1024 * 1024)} MB an asset may be`, { asset: name });
  }
}

/** The versions of the assets `theme` names, of those that exist. */
export function versionsFor(theme: Theme, assets: readonly AssetMeta[]): ThemeState['assets'] {
  const byName = new Map(assets.map((a) => [a.name, a]));
  const out: ThemeState['assets'] = {};
  for (const ref of themeAssetRefs(theme)) {
    const a = byName.get(ref.name);
    if (a) out[ref.name] = { contentType: a.contentType, sha256: a.sha256 };
  }
  return out;
}
