/** Unit, emulator, connector and engine tests. The real-n8n e2e suite has its own runner (npm run test:e2e). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
	setupFiles: ['<rootDir>/test/support/setup-env.ts'],
	// Records every node run and token, then scans them for tokens (tools/engine-harness/records.ts).
	globalSetup: '<rootDir>/test/security/globalSetup.ts',
	globalTeardown: '<rootDir>/test/security/globalTeardown.ts',
	testTimeout: 60000,
};
