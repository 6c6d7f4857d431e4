import type { Linter } from 'eslint';

export declare const services: string[];
export declare const layers: Linter.Config[];
