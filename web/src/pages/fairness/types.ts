/**
 * The fairness endpoints' answers, as the API's OpenAPI document describes them (web/src/api/schema.d.ts, made by
 * `npm run gen:api`). Types only: the pure shaping (shape.ts) and its tests use them without the app's modules.
 */
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type PersonSignals = Schemas['PersonSignals'];
export type PersonSignal = Schemas['Signal'];
export type SignalKind = PersonSignal['kind'];
export type RaterRecord = Schemas['RaterPattern'];
export type RaterComparison = RaterRecord['comparison'];
export type Rating = RaterRecord['pattern']['overrides'][number]['from'];
export type RaterPatterns = Schemas['UnitRaterPatterns'];
export type UnitSignalRow = Schemas['UnitSignals']['items'][number];
export type UnitAdoption = Schemas['UnitAdoption'];
export type FairnessRun = Schemas['FairnessRun'];
