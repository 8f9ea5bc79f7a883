import { CLAUSES, POLICY_CLAUSES, type PolicyClause } from './policy-clauses.js';

/**
 * The texts of the §5 clauses in the languages the product speaks: the
 * console's catalogues and the invoice PDF show these words, from here only.
 * Display words, no rule: the clauses, their letters and effects live in
 * policy-clauses.ts, whose English text is the `en` entry.
 */
export const CLAUSE_LANGUAGES = ['en', 'es', 'pt'] as const;
export type ClauseLanguage = (typeof CLAUSE_LANGUAGES)[number];

export const CLAUSE_TEXTS: Readonly<Record<ClauseLanguage, Readonly<Record<PolicyClause, string>>>> = Object.freeze({
  en: Object.fromEntries(POLICY_CLAUSES.map((code) => [code, CLAUSES[code].text])) as Record<PolicyClause, string>,
  es: {
    BEYOND_WARRANTY_PERIOD: 'Reclamación presentada después del periodo de garantía.',
    HUMAN_DAMAGE: 'Daños por factores humanos, condiciones de uso anormales o uso contrario al manual (incluidos los daños por agua).',
    UNAUTHORIZED_REPAIR: 'Desmontaje particular, automantenimiento, modificación o reparación por un servicio no designado por la empresa.',
    FORCE_MAJEURE: 'Daños por fuerza mayor: inundación, incendio, terremoto, rayo...',
    IDENTITY_MISMATCH: 'Modelo de producto o código de barras que no coincide con el registro, o alterado.',
    NATURAL_WEAR: 'Desgaste natural de carcasa, teclado, pantalla, antena o accesorios.',
    NON_COMPANY_CAUSE: 'Fallo, defecto o imperfección no causados por la empresa.',
    LABEL_DAMAGED: 'Etiqueta de código de barras o sello de garantía (frágil) dañados o ilegibles.',
    COSMETIC_DAMAGE: 'Daños estéticos (desgaste, arañazos): sin sustitución; un formulario de sustitución se tramita como reparación.',
    CARRIER_FAULT: 'Fallo causado por la red o los servicios del operador: no cubierto, nada que reparar.',
  },
  pt: {
    BEYOND_WARRANTY_PERIOD: 'Reclamação apresentada depois do período de garantia.',
    HUMAN_DAMAGE: 'Danos por fatores humanos, condições de utilização anormais ou utilização contrária ao manual (incluindo danos por água).',
    UNAUTHORIZED_REPAIR: 'Desmontagem particular, automanutenção, modificação ou reparação por um serviço não designado pela empresa.',
    FORCE_MAJEURE: 'Danos por força maior: inundação, incêndio, sismo, raio...',
    IDENTITY_MISMATCH: 'Modelo do produto ou código de barras não coincidente com o registo, ou alterado.',
    NATURAL_WEAR: 'Desgaste natural da caixa, teclado, ecrã, antena ou acessórios.',
    NON_COMPANY_CAUSE: 'Avaria, defeito ou imperfeição não causados pela empresa.',
    LABEL_DAMAGED: 'Etiqueta de código de barras ou selo de garantia (frágil) danificados ou ilegíveis.',
    COSMETIC_DAMAGE: 'Danos estéticos (desgaste, riscos): sem substituição; um formulário de substituição é tratado como reparação.',
    CARRIER_FAULT: 'Avaria causada pela rede ou pelos serviços do operador: não coberta, nada a reparar.',
  },
});
