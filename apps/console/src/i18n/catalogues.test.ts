import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AttachmentKind,
  ClaimAction,
  ClaimStatus,
  Decision,
  Finding,
  FormType,
  InvoiceStatus,
  PartCategory,
  PolicyClause,
  QuoteStatus,
  RemoteResolution,
  Role,
  StockMovementKind,
  WebhookDeliveryStatus,
} from '@aftersale/graphql';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { appEnglish } from './app-en';
import { appSpanish, raSpanish } from './es';
import { appPortuguese, raPortuguese } from './pt';

/** A catalogue as `key → text`, the way polyglot reads it (`resources.claims.fields.device.imei`). */
function flatten(messages: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else if (value && typeof value === 'object') flatten(value as object, path, into);
  }
  return into;
}

const english = flatten({ ...englishMessages, ...appEnglish });
const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
const srcDir = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the console catalogues', () => {
  it.each([
    ['Spanish', appSpanish],
    ['Portuguese', appPortuguese],
  ])('%s translates exactly the keys of the English one, with the same placeholders', (_language, catalogue) => {
    const translated = flatten(catalogue);
    const app = flatten(appEnglish);
    expect([...translated.keys()].sort()).toEqual([...app.keys()].sort());
    const mismatched = [...app].filter(([key, text]) => placeholders(text).join() !== placeholders(translated.get(key) ?? '').join());
    expect(mismatched).toEqual([]);
    // A phrase of three words or more left in English (a word such as "Stock" or "Total" may be the same).
    const words = (text: string) => text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
    expect([...app].filter(([key, text]) => words(text) >= 3 && translated.get(key) === text)).toEqual([]);
  });

  it.each([
    ['Spanish', raSpanish],
    ['Portuguese', raPortuguese],
  ])("%s translates only react-admin's own keys, with their placeholders", (_language, catalogue) => {
    for (const [key, text] of flatten(catalogue)) {
      expect({ key, known: english.has(key) }).toEqual({ key, known: true });
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(english.get(key)!) });
    }
  });

  it('has words for every key the console names in its code', () => {
    const used = new Set<string>();
    for (const file of sources(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['"`]((?:app|resources|ra|aftersale)\.[\w.-]+)['"`]/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(300);
    // `aftersale.session` is the session's localStorage key, not a message.
    expect([...used].filter((key) => key !== 'aftersale.session' && !english.has(key))).toEqual([]);
  });

  it('has words for every value of the enums the console shows, each step of the history and each clause', () => {
    const shown = [
      AttachmentKind,
      ClaimAction,
      ClaimStatus,
      Decision,
      Finding,
      FormType,
      InvoiceStatus,
      PartCategory,
      PolicyClause,
      QuoteStatus,
      RemoteResolution,
      Role,
      StockMovementKind,
      WebhookDeliveryStatus,
    ].flatMap((values) => Object.values(values).map((value) => `app.enum.${value}`));
    const steps = Object.values(ClaimAction).flatMap((action) => [
      `app.claims.event.${action}`,
      `app.claims.action.${action}.label`,
      `app.claims.action.${action}.description`,
      `app.claims.action.${action}.done`,
    ]);
    const clauses = Object.values(PolicyClause).map((clause) => `app.clause_text.${clause}`);
    expect([...shown, ...steps, ...clauses].filter((key) => !english.has(key))).toEqual([]);
  });
});
