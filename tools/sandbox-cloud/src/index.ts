export { startSandbox, PORTS } from './sandbox';
export type {
	Sandbox,
	SandboxOptions,
	SandboxApp,
	GoogleClient,
	GoogleClientInput,
	LibraryOptions,
	LibraryManifest,
} from './types';
export { SandboxControl } from './control-client';
export type { FaultSpec, Fault } from './shared/faults';
