import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { embedderSettings } from '../../src/search/embedder/settings.ts';

const failure = (env: Record<string, string>): unknown => {
  try {
    loadConfig(env);
    return null;
  } catch (err) {
    return err;
  }
};

describe('embedder configuration', () => {
  it('defaults to auto with no endpoint (the local e5 server, then the fallbacks)', () => {
    const c = loadConfig({});
    expect(c.EMBEDDER).toBe('auto');
    expect(embedderSettings(c)).toEqual({ mode: 'auto', model: 'Xenova/multilingual-e5-small' });
  });

  it('passes EMBEDDINGS_URL, model, key and input type to the embedder', () => {
    const c = loadConfig({
      EMBEDDER: 'openai',
      EMBEDDINGS_URL: 'https://api.example.test/v1',
      EMBEDDINGS_MODEL: 'text-embedding-3-small',
      EMBEDDINGS_API_KEY: 'sk-test',
      EMBEDDINGS_INPUT_TYPE: 'none',
    });
    expect(embedderSettings(c).endpoint).toEqual({
      url: 'https://api.example.test/v1',
      model: 'text-embedding-3-small',
      apiKey: 'sk-test',
      inputType: 'none',
    });
  });

  it('an empty EMBEDDINGS_URL is unset', () => {
    expect(embedderSettings(loadConfig({ EMBEDDINGS_URL: ' ' })).endpoint).toBeUndefined();
  });

  it.each([
    [{ EMBEDDER: 'openai' }, 'EMBEDDINGS_URL'],
    [{ EMBEDDINGS_URL: 'localhost:8080' }, 'EMBEDDINGS_URL'],
    [{ EMBEDDINGS_URL: 'ftp://host/v1' }, 'EMBEDDINGS_URL'],
    [{ EMBEDDER: 'bert' }, 'EMBEDDER'],
    [{ EMBEDDINGS_INPUT_TYPE: 'both' }, 'EMBEDDINGS_INPUT_TYPE'],
  ])('refuses %o with CONFIG_INVALID naming %s', (env, variable) => {
    const err = failure(env);
    expect(err).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((err as { details: { problems: string[] } }).details.problems.join(' ')).toContain(variable);
  });
});
