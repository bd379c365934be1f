/**
 * Command-line options and the sizes of a run (full or --smoke).
 */
import path from 'node:path';

export interface BenchOptions {
	smoke: boolean;
	/** Photos in the small gallery and per page of the 5,000-photo folder. */
	n: number;
	columns: number;
	warmup: number;
	samples: number;
	/** Samples of the cold scenarios (each one pays the sandbox latency). */
	coldSamples: number;
	latencyMs: number;
	/** Image load test: concurrency, seconds per round, rounds per target. */
	concurrency: number;
	loadSeconds: number;
	loadRounds: number;
	workers: number;
	wpPort: number;
	sandboxPort: number;
	root: string;
	benchDir: string;
	jsonFile: string;
}

export function parseOptions( argv: string[], root: string ): BenchOptions {
	const smoke = argv.includes( '--smoke' );
	const jsonAt = argv.indexOf( '--json' );
	const coldAt = argv.indexOf( '--cold-samples' );
	const asked = coldAt >= 0 ? Number( argv[ coldAt + 1 ] ) : NaN;
	let coldSamples = smoke ? 1 : 5;
	if ( Number.isInteger( asked ) && asked > 0 ) {
		coldSamples = asked;
	}
	const benchDir = path.join( root, '.local/bench' );
	const jsonFile =
		jsonAt >= 0 && argv[ jsonAt + 1 ]
			? path.resolve( argv[ jsonAt + 1 ] ?? '' )
			: path.join(
					benchDir,
					smoke ? 'smoke-results.json' : 'results.json'
				);
	return {
		smoke,
		n: smoke ? 10 : 100,
		columns: 3,
		warmup: smoke ? 1 : 3,
		samples: smoke ? 1 : 15,
		coldSamples,
		latencyMs: 150,
		concurrency: smoke ? 2 : 8,
		loadSeconds: smoke ? 0.5 : 3,
		loadRounds: smoke ? 1 : 3,
		workers: 4,
		wpPort: Number( process.env.CCG_BENCH_PORT ?? 8975 ),
		sandboxPort: Number( process.env.CCG_BENCH_SANDBOX_PORT ?? 8985 ),
		root,
		benchDir,
		jsonFile,
	};
}
