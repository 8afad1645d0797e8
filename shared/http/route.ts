/**
 * One HTTP route as both ends know it: method, path, the schemas of its input, its answer's
 * type and who may call it. Its method and path are in shared/http/route-paths.ts, all the
 * browser loads; the full route (shared/http/routes.ts) adds the rest to that path, by the
 * same name. The server registers it (server/http/route.ts), the client calls it
 * (client/http/api.ts), and docs/roles.md lists it.
 */
import type * as v from 'valibot';
import type { AccessRule } from '../access/rules.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = v.GenericSchema;

/** What a caller needs of a route at run time: where to send it. */
export interface RoutePath {
  readonly method: Method;
  readonly path: string;
  /** The formats a `.:format` path serves; each is one row of docs/roles.md. */
  readonly formats?: readonly string[];
}

/** What the server reads of a route besides its path: the schemas of its input, their labels and who may call it. */
export interface RouteRules {
  readonly access: AccessRule;
  /** The path's parameters (all of them); read before the access check. */
  readonly params?: Schema;
  readonly query?: Schema;
  /** The JSON body; a route without one reads none (or reads it itself, as the caption ingestion does). */
  readonly body?: Schema;
  /** How problems name each input: "The address is not valid: …". */
  readonly labels?: { readonly params?: string; readonly query?: string; readonly body?: string };
}

export interface RouteSpec extends RoutePath, RouteRules {}

declare const answerBrand: unique symbol;
/** Rules whose route answers `A` (never present at run time: only the types carry it). */
export type Answering<R extends RouteRules = RouteRules, A = unknown> = R & { readonly [answerBrand]?: (answer: A) => void };

/** Rules never say where the route is: that is its path's. */
type NotAPath = { readonly [K in keyof RoutePath]?: never };

/** Declares the rules of a route answering `A`: `rules<Me>()({ access: publicRule('nothing') })`. */
export function rules<A>() {
  return <const R extends RouteRules>(spec: R & NotAPath): Answering<R, A> => spec;
}

/**
 * An area's full routes: each of its paths with its rules, by the same name. A name missing
 * from either side, or one more on the rules' side, does not compile; method and path are the
 * paths', never written twice.
 */
export function withRules<P extends Record<string, RoutePath>, R extends { readonly [K in keyof P]: RouteRules }>(
  paths: P,
  byName: R & { readonly [K in Exclude<keyof R, keyof P>]: never },
): { readonly [K in keyof P]: P[K] & R[K] } {
  const all = byName as Record<string, RouteRules>;
  const entries = Object.entries(paths).map(([name, path]) => [name, { ...all[name], ...path }]);
  return Object.fromEntries(entries) as { readonly [K in keyof P]: P[K] & R[K] };
}

declare const routeBrand: unique symbol;
/** A route's path whose type carries the full route `S` (its schemas, access and answer), never present at run time. */
export type TypedPath<P extends RoutePath, S extends RouteSpec> = P & { readonly [routeBrand]?: S };
/** The full route a caller holds: the route itself, or the one its path's type carries. */
export type SpecOf<R extends RoutePath> = R extends RouteSpec
  ? R
  : R extends { readonly [routeBrand]?: infer S extends RouteSpec }
    ? S
    : RouteSpec;

export type AnswerOf<R> = R extends { readonly [answerBrand]?: (answer: infer A) => void } ? A : never;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

type Input<S, Key extends string> = S extends Schema ? { [K in Key]: v.InferInput<S> } : { [K in Key]?: never };
/** The route's query as an address carries it: each field as text, any of them left out. */
type QueryOf<R extends RouteSpec> = R['query'] extends Schema ? Partial<Record<keyof v.InferInput<R['query']>, string>> : never;
/** What a call of the route gives: its path's parameters, its query and its body, as the map types them. */
export type CallInput<R extends RouteSpec> = ([ParamNames<R['path']>] extends [never]
  ? { params?: never }
  : { params: PathParams<R['path']> }) &
  Input<R['body'], 'body'> &
  (R['query'] extends Schema ? { query?: QueryOf<R> } : { query?: never });

/**
 * What `routePath` takes after the route: its path's parameters (required exactly when the path
 * has some), then its query when it reads one. A route known only as a `RouteSpec` takes any.
 */
type PathArgs<R extends RouteSpec> = string extends R['path']
  ? [params?: Record<string, string>, query?: Record<string, string | undefined>]
  : [ParamNames<R['path']>] extends [never]
    ? [params?: Record<string, never>, query?: QueryOf<R>]
    : [params: PathParams<R['path']>, query?: QueryOf<R>];

/** The route's path with its parameters filled in (each encoded), and its query when given. */
export function routePath<R extends RoutePath>(route: R, ...[params, query]: PathArgs<SpecOf<R>>): string {
  const values: Record<string, string> = params ?? {};
  const path = route.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route.path} needs ${name}`);
    return encodeURIComponent(value);
  });
  const given: Record<string, string | undefined> = query ?? {};
  const search = new URLSearchParams(Object.entries(given).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The route as docs/roles.md names it: `GET /api/meetings/:meetingId`. */
export const routeName = (spec: RoutePath, path = spec.path) => `${spec.method} ${path}`;
