// Calls to the three services with the signed-in user's token. Errors are RFC 9457 problem
// details; a 401 ends the session.
import { token, signOut } from './session.js';

let services;

export async function loadConfig() {
  const response = await fetch('/config.json');
  const config = await response.json();
  services = config.services;
  return config;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `The service answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }

  /** {field: [messages]} from a 400's errors, fields as the API names them ("indicators[1]"). */
  fieldErrors() {
    const errors = {};
    for (const { field, message } of this.problem?.errors ?? []) (errors[field] ??= []).push(message);
    return errors;
  }
}

export function url(service, path) {
  return new URL(path, services[service]).toString();
}

export async function call(service, path, { method = 'GET', body, headers = {}, signal } = {}) {
  const response = await fetch(url(service, path), {
    method,
    signal,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token()}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    signOut();
    location.hash = '#/sign-in';
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (service, path, options) => call(service, path, options);
export const post = (service, path, body, options = {}) => call(service, path, { ...options, method: 'POST', body });
