/**
 * One HTTP route as both ends know it: method, path, the schemas of its input, its answer's
 * type and who may call it. The server registers it (server/http/route.ts), the client calls
 * it (client/http/api.ts), and docs/roles.md lists it.
 */
import type * as v from 'valibot';
import type { AccessRule } from '../access/rules.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = v.GenericSchema;

export interface RouteSpec {
  readonly method: Method;
  readonly path: string;
  readonly access: AccessRule;
  /** The path's parameters (all of them); read before the access check. */
  readonly params?: Schema;
  readonly query?: Schema;
  /** The JSON body; a route without one reads none (or reads it itself, as the caption ingestion does). */
  readonly body?: Schema;
  /** How problems name each input: "The address is not valid: …". */
  readonly labels?: { readonly params?: string; readonly query?: string; readonly body?: string };
  /** The formats a `.:format` path serves; each is one row of docs/roles.md. */
  readonly formats?: readonly string[];
}

declare const answerBrand: unique symbol;
/** A route whose answer is `A` (never present at run time: only the types carry it). */
export type Route<S extends RouteSpec = RouteSpec, A = unknown> = S & { readonly [answerBrand]?: (answer: A) => void };

/** Declares a route answering `A`: `route<Me>()({ method: 'GET', path: '/api/me', … })`. */
export function route<A>() {
  return <const S extends RouteSpec>(spec: S): Route<S, A> => spec;
}

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
export function routePath<R extends RouteSpec>(spec: R, ...[params, query]: PathArgs<R>): string {
  const values: Record<string, string> = params ?? {};
  const path = spec.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${spec.path} needs ${name}`);
    return encodeURIComponent(value);
  });
  const given: Record<string, string | undefined> = query ?? {};
  const search = new URLSearchParams(Object.entries(given).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The route as docs/roles.md names it: `GET /api/meetings/:meetingId`. */
export const routeName = (spec: RouteSpec, path = spec.path) => `${spec.method} ${path}`;
