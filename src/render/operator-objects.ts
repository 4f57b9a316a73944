/**
 * Names of objects an operator creates for a component, which apps are wired to. They follow
 * each operator's own naming; keeping them here keeps the chart values and the env wiring agreed.
 */

/** MongoDB's app user: SCRAM users authenticate against `admin`; the operator names the Secret <name>-<db>-<user>. */
export const MONGODB_USER = 'app';
export const MONGODB_AUTH_DB = 'admin';
export const mongodbConnectionSecret = (component: string): string => `${component}-${MONGODB_AUTH_DB}-${MONGODB_USER}`;
/** Not created by the operator: provided from outside git (see README, "MongoDB password"). */
export const mongodbPasswordSecret = (component: string): string => `${component}-${MONGODB_USER}-password`;
