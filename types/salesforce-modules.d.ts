// Hand-written declarations for @salesforce scoped modules that are not generated from our metadata.
// (@salesforce/apex/<Class>.<method> and @salesforce/schema/* are generated into .generated/types.)
// Source: LWC Developer Guide, "@salesforce Modules", "Check Permissions", "Internationalization".

declare module '@salesforce/apex' {
  /**
   * Re-provisions an Apex @wire: pass the whole value the wire delivered (`{ data, error }`),
   * not `value.data`. Resolves when the wire has new data.
   */
  export function refreshApex(wiredValue: unknown): Promise<void>;
  /** Reads a field value of an SObject returned by Apex, using an imported `@salesforce/schema` field. */
  export function getSObjectValue(
    sObject: Record<string, unknown>,
    field: { fieldApiName: string; objectApiName: string } | string
  ): unknown;
}

declare module '@salesforce/user/Id' {
  /** Id of the context user (undefined for guest users). */
  const userId: string;
  export default userId;
}

declare module '@salesforce/user/isGuest' {
  const isGuest: boolean;
  export default isGuest;
}

declare module '@salesforce/i18n/locale' {
  /** The user's locale, e.g. `en-US`. */
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/lang' {
  /** The user's language, e.g. `en-US`. */
  const lang: string;
  export default lang;
}

declare module '@salesforce/i18n/timeZone' {
  /** The user's time zone, e.g. `America/Los_Angeles`. */
  const timeZone: string;
  export default timeZone;
}

declare module '@salesforce/i18n/currency' {
  /** The user's default currency ISO code, e.g. `USD`. */
  const currency: string;
  export default currency;
}

declare module '@salesforce/i18n/dir' {
  const dir: 'ltr' | 'rtl';
  export default dir;
}

declare module '@salesforce/i18n/firstDayOfWeek' {
  /** 1 = Sunday … 7 = Saturday. */
  const firstDayOfWeek: number;
  export default firstDayOfWeek;
}

declare module '@salesforce/label/*' {
  /** Custom label value in the user's language (`@salesforce/label/c.My_Label`). */
  const label: string;
  export default label;
}

declare module '@salesforce/customPermission/*' {
  /** true when the context user has the custom permission, otherwise undefined. */
  const hasPermission: boolean | undefined;
  export default hasPermission;
}

declare module '@salesforce/userPermission/*' {
  /** true when the context user has the standard permission, otherwise undefined. */
  const hasPermission: boolean | undefined;
  export default hasPermission;
}
