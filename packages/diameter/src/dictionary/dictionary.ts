import type { AvpType, AvpTypeInfo, CodecDictionary } from '../codec/avp-type.js';
import { DiameterError } from '../errors.js';
import { parseAbnf, type AbnfLayout } from './abnf.js';
import type { ApplicationDefinition, AvpDefinition, CommandDefinition } from './definitions.js';

/** A dictionary AVP, compiled from its definition. */
export class AvpDef implements AvpTypeInfo {
  readonly name: string;
  readonly code: number;
  readonly vendorId: number;
  readonly type: AvpType;
  readonly mandatory: 'must' | 'may' | 'mustnot';
  readonly protected: 'may' | 'mustnot';
  readonly spec: string | undefined;
  /** Enumerated values: name → number and number → name. */
  readonly values: Map<string, number> | undefined;
  readonly names: Map<number, string> | undefined;
  readonly groupedAbnf: string | undefined;
  layout: ResolvedLayout | undefined = undefined;
  /** The application that first defined it: its ABNF names resolve within that application first. */
  scope = 0;

  constructor(d: AvpDefinition) {
    this.name = d.name;
    this.code = d.code;
    this.vendorId = d.vendorId ?? 0;
    this.type = d.type;
    this.mandatory = d.mandatory ?? 'must';
    this.protected = d.protected ?? 'may';
    this.spec = d.spec;
    this.groupedAbnf = d.grouped;
    // Every field is set in the same order for every AVP: one hidden class on the decoding path.
    this.values = d.values === undefined ? undefined : new Map(Object.entries(d.values));
    this.names =
      d.values === undefined ? undefined : new Map(Object.entries(d.values).map(([k, v]) => [v, k]));
  }

  /** The name of an Enumerated value, if the dictionary has one. */
  valueName(value: number): string | undefined {
    return this.names?.get(value);
  }

  /** Adds Enumerated values another application declares for the same AVP. */
  mergeValues(values: Readonly<Record<string, number>>): void {
    const v = this.values ?? new Map<string, number>();
    const n = this.names ?? new Map<number, string>();
    for (const [name, value] of Object.entries(values)) {
      if (!v.has(name)) v.set(name, value);
      if (!n.has(value)) n.set(value, name);
    }
    (this as { values: Map<string, number> }).values = v;
    (this as { names: Map<number, string> }).names = n;
  }
}

export interface ResolvedRule {
  readonly def: AvpDef;
  readonly min: number;
  readonly max: number;
  readonly fixed: boolean;
}

export interface ResolvedLayout {
  readonly rules: readonly ResolvedRule[];
  readonly open: boolean;
  /** Rule index by AVP (code and vendor packed), for counting occurrences. */
  readonly index: Map<AvpDef, number>;
}

export class CommandDef {
  readonly code: number;
  readonly name: string;
  readonly short: readonly [string, string];
  readonly proxiable: boolean;
  readonly applicationId: number;
  private readonly abnf: readonly [string, string];
  private layouts: [ResolvedLayout | undefined, ResolvedLayout | undefined] = [undefined, undefined];
  private readonly dictionary: Dictionary;

  constructor(d: CommandDefinition, applicationId: number, dictionary: Dictionary) {
    this.code = d.code;
    this.name = d.name;
    this.short = d.short;
    this.proxiable = d.proxiable;
    this.applicationId = applicationId;
    this.abnf = [d.request, d.answer];
    this.dictionary = dictionary;
  }

  /** The ABNF layout of the request (true) or answer (false), names resolved. */
  layout(request: boolean): ResolvedLayout {
    const i = request ? 0 : 1;
    let layout = this.layouts[i];
    if (layout === undefined) {
      layout = this.dictionary.resolve(
        parseAbnf(this.abnf[i], this.short[i]),
        this.short[i],
        this.applicationId,
      );
      this.layouts[i] = layout;
    }
    return layout;
  }
}

export interface ApplicationInfo {
  readonly id: number;
  readonly name: string;
  readonly kind: 'auth' | 'acct';
  readonly vendorId: number;
  readonly spec: string;
}

/**
 * AVPs, commands and applications, looked up by number on the decoding path: IETF AVPs in one Map keyed by code,
 * vendor AVPs in one Map per vendor (the last vendor's map is cached: in 3GPP traffic that is nearly always 10415).
 */
export class Dictionary implements CodecDictionary {
  private readonly ietf = new Map<number, AvpDef>();
  private readonly vendors = new Map<number, Map<number, AvpDef>>();
  private lastVendor = -1;
  private lastVendorMap: Map<number, AvpDef> | undefined;
  /**
   * The same AVPs in arrays indexed by code, for codes below DIRECT_LIMIT (nearly all of them): an array index is
   * several times cheaper than a Map lookup, and the decoder does one per AVP.
   */
  private readonly ietfDirect: (AvpDef | undefined)[] = [];
  private readonly vendorsDirect = new Map<number, (AvpDef | undefined)[]>();
  private lastVendorDirect: (AvpDef | undefined)[] | undefined;
  private readonly byName = new Map<string, AvpDef>();
  /**
   * Names as each application declares them. Two specifications may give one name to different AVPs (IETF
   * Service-Type, code 6, and TS 29.272 Service-Type, 10415:1483): an application's ABNF means its own.
   */
  private readonly scopedNames = new Map<number, Map<string, AvpDef>>();
  private readonly commands = new Map<number, CommandDef>();
  private readonly commandsByName = new Map<string, CommandDef>();
  private readonly apps = new Map<number, ApplicationInfo>();

  constructor(applications: readonly ApplicationDefinition[] = []) {
    for (const app of applications) this.add(app);
  }

  /** Adds an application. AVPs already known (same code and vendor) keep their definition, gaining new enum values. */
  add(app: ApplicationDefinition): this {
    this.apps.set(app.id, {
      id: app.id,
      name: app.name,
      kind: app.kind,
      vendorId: app.vendorId ?? 0,
      spec: app.spec,
    });
    let scoped = this.scopedNames.get(app.id);
    if (scoped === undefined) this.scopedNames.set(app.id, (scoped = new Map()));
    for (const d of app.avps) {
      const existing = this.avp(d.code, d.vendorId ?? 0);
      if (existing !== undefined) {
        if (d.values !== undefined) existing.mergeValues(d.values);
        if (!this.byName.has(d.name)) this.byName.set(d.name, existing);
        scoped.set(d.name, existing);
        continue;
      }
      const def = new AvpDef(d);
      def.scope = app.id;
      scoped.set(def.name, def);
      if (def.vendorId === 0) {
        this.ietf.set(def.code, def);
        if (def.code < DIRECT_LIMIT) setDirect(this.ietfDirect, def);
      } else {
        let m = this.vendors.get(def.vendorId);
        if (m === undefined) this.vendors.set(def.vendorId, (m = new Map()));
        m.set(def.code, def);
        let direct = this.vendorsDirect.get(def.vendorId);
        if (direct === undefined) this.vendorsDirect.set(def.vendorId, (direct = []));
        if (def.code < DIRECT_LIMIT) setDirect(direct, def);
      }
      if (!this.byName.has(def.name)) this.byName.set(def.name, def);
    }
    for (const c of app.commands) {
      const def = new CommandDef(c, app.id, this);
      this.commands.set(commandKey(c.code, app.id), def);
      for (const n of [c.name, c.short[0], c.short[1]]) {
        const key = app.id === 0 ? n : `${app.id}:${n}`;
        this.commandsByName.set(key, def);
        if (!this.commandsByName.has(n)) this.commandsByName.set(n, def);
      }
    }
    this.lastVendor = -1;
    return this;
  }

  avp(code: number, vendorId: number): AvpDef | undefined {
    if (vendorId === 0) return code < DIRECT_LIMIT ? this.ietfDirect[code] : this.ietf.get(code);
    if (vendorId !== this.lastVendor) {
      this.lastVendor = vendorId;
      this.lastVendorMap = this.vendors.get(vendorId);
      this.lastVendorDirect = this.vendorsDirect.get(vendorId);
    }
    if (code < DIRECT_LIMIT) return this.lastVendorDirect?.[code];
    return this.lastVendorMap?.get(code);
  }

  /** By name; with `scope` (an Application-Id), that application's meaning of the name comes first. */
  avpByName(name: string, scope?: number): AvpDef | undefined {
    if (scope !== undefined) {
      const own = this.scopedNames.get(scope)?.get(name);
      if (own !== undefined) return own;
    }
    return this.byName.get(name);
  }

  /** The command of an application, falling back to the base protocol's (CER, DWR, … are application 0). */
  command(code: number, applicationId: number): CommandDef | undefined {
    return this.commands.get(commandKey(code, applicationId)) ?? this.commands.get(commandKey(code, 0));
  }

  /** By full name or abbreviation ('Credit-Control', 'CCR'); `applicationId` picks among same-named commands. */
  commandByName(name: string, applicationId?: number): CommandDef | undefined {
    if (applicationId !== undefined) {
      const scoped = this.commandsByName.get(`${applicationId}:${name}`);
      if (scoped !== undefined) return scoped;
    }
    return this.commandsByName.get(name);
  }

  application(id: number): ApplicationInfo | undefined {
    return this.apps.get(id);
  }

  applications(): ApplicationInfo[] {
    return [...this.apps.values()];
  }

  allAvps(): AvpDef[] {
    const all = [...this.ietf.values()];
    for (const m of this.vendors.values()) all.push(...m.values());
    return all;
  }

  allCommands(): CommandDef[] {
    return [...this.commands.values()];
  }

  /** The ABNF layout of a Grouped AVP, names resolved (undefined if it has none). */
  groupedLayout(def: AvpDef): ResolvedLayout | undefined {
    if (def.groupedAbnf === undefined) return undefined;
    if (def.layout === undefined)
      def.layout = this.resolve(parseAbnf(def.groupedAbnf, def.name), def.name, def.scope);
    return def.layout;
  }

  /** Resolves the AVP names of a parsed layout; an unknown name is a dictionary bug and throws. */
  resolve(layout: AbnfLayout, where: string, scope = 0): ResolvedLayout {
    const index = new Map<AvpDef, number>();
    const own = this.scopedNames.get(scope);
    const rules = layout.rules.map((r, i) => {
      const def = own?.get(r.name) ?? this.byName.get(r.name);
      if (def === undefined)
        throw new DiameterError('ERR_DICTIONARY', `${where}: ABNF names unknown AVP ${r.name}`);
      index.set(def, i);
      return { def, min: r.min, max: r.max, fixed: r.fixed };
    });
    return { rules, open: layout.open, index };
  }
}

const DIRECT_LIMIT = 16384;

/** Fills holes with undefined so the array stays a packed (non-dictionary) array V8 indexes directly. */
function setDirect(direct: (AvpDef | undefined)[], def: AvpDef): void {
  while (direct.length < def.code) direct.push(undefined);
  direct[def.code] = def;
}

function commandKey(code: number, applicationId: number): number {
  // Command codes are 24-bit: (appId, code) packs into one exact double.
  return applicationId * 0x100_0000 + code;
}
