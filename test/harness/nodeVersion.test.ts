/**
 * n8n 2.41 needs Node 24, which npm scripts get from the `node` devDependency. Jest started any
 * other way (an IDE, ./node_modules/.bin/jest) runs on the machine's Node 20, where the engine
 * tests would still pass and hide it (docs/engine-tests.md, item 5).
 */
test('the tests run on Node 24', () => {
	expect(process.version).toMatch(/^v24\./);
});
