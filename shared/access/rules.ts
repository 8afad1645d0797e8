/**
 * Access rules: who may call an HTTP route, send a socket command or event, or post captions.
 * The vocabulary is docs/roles.md's: meeting roles (with `display`), staff accounts by their
 * staff role, and the routes open to anyone that are guarded by a secret in the request.
 */
import type { MeetingAccessRole, StaffRole } from '../domain.ts';

/**
 * `yes`; `no`; or allowed with a condition checked by the command or route itself:
 * `setting` (a meeting setting lets observers do it), `shared` (once the record is shared),
 * `roster` (only for someone on the meeting's roster), `own` (only for what is the person's own:
 * their queue entry, their speech, their presentation).
 */
export type Verdict = 'yes' | 'no' | 'setting' | 'shared' | 'roster' | 'own';

export type AccessRule =
  /** Anyone, with or without a session; `guard` says what in the request guards it instead. */
  | { readonly kind: 'public'; readonly guard: string }
  /** A staff account signed in with its password, with one of these staff roles. */
  | { readonly kind: 'staff'; readonly staffRoles: readonly StaffRole[] }
  /**
   * Someone admitted to the meeting (404 otherwise), in a role whose verdict is not `no` (403 with
   * `refusal` otherwise). `captionFeed`: captioning software holding the caption token, too.
   */
  | {
      readonly kind: 'meeting';
      readonly roles: Readonly<Partial<Record<MeetingAccessRole, Verdict>>>;
      readonly refusal: string;
      readonly captionFeed?: true;
    };

export type MeetingRule = Extract<AccessRule, { kind: 'meeting' }>;
export type StaffRule = Extract<AccessRule, { kind: 'staff' }>;
export type PublicRule = Extract<AccessRule, { kind: 'public' }>;

/** Who is asking: a role in a meeting, a staff account, captioning software with the caption token, or nobody. */
export type Asker = MeetingAccessRole | `staff:${StaffRole}` | 'caption-feed' | 'anonymous';

export const LEAD_ROLES = ['chair', 'co-chair', 'secretariat'] as const satisfies readonly MeetingAccessRole[];
export const SPEAKER_ROLES = [...LEAD_ROLES, 'member', 'observer'] as const satisfies readonly MeetingAccessRole[];
export const PARTICIPANT_ROLES = [...SPEAKER_ROLES, 'captioner'] as const satisfies readonly MeetingAccessRole[];
/** Interpreters follow the meeting to interpret it: they read, and signal the chair (never speak or take positions). */
export const INTERPRETER_ROLES = ['interpreter'] as const satisfies readonly MeetingAccessRole[];
export const ADMITTED_ROLES = [...PARTICIPANT_ROLES, ...INTERPRETER_ROLES, 'display'] as const satisfies readonly MeetingAccessRole[];

/** A meeting rule: these roles `yes`, the others `no`, and some with a condition. */
export function meetingRule(
  roles: readonly MeetingAccessRole[],
  refusal: string,
  conditions: Partial<Record<MeetingAccessRole, Verdict>> = {},
): MeetingRule {
  return { kind: 'meeting', roles: { ...Object.fromEntries(roles.map((role) => [role, 'yes' as const])), ...conditions }, refusal };
}

export const staffRule = (...staffRoles: StaffRole[]): StaffRule => ({ kind: 'staff', staffRoles });
export const publicRule = (guard: string): PublicRule => ({ kind: 'public', guard });

/** What a rule says for a meeting role (`no` for rules that are not about meetings). */
export function verdictOf(rule: AccessRule, role: MeetingAccessRole): Verdict {
  return rule.kind === 'meeting' ? (rule.roles[role] ?? 'no') : 'no';
}

/**
 * Whether the asker may try the action. A conditional verdict allows the attempt: the condition
 * (setting, sharing, roster entry) is checked by what runs next. Public rules admit everyone.
 */
export function may(asker: Asker, rule: AccessRule): boolean {
  switch (rule.kind) {
    case 'public':
      return true;
    case 'staff':
      return asker.startsWith('staff:') && (rule.staffRoles as readonly string[]).includes(asker.slice('staff:'.length));
    case 'meeting':
      if (asker === 'caption-feed') return rule.captionFeed === true;
      if (asker === 'anonymous' || asker.startsWith('staff:')) return false;
      return verdictOf(rule, asker as MeetingAccessRole) !== 'no';
  }
}
