const { src, dest } = require('gulp');

/**
 * tsc emits only JavaScript; n8n loads node and credential icons from next to the built
 * files, so the SVGs are copied into dist/ at the same relative paths (a node's
 * `file:../../icons/notion.svg` then resolves to dist/icons/notion.svg).
 */
function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports['build:icons'] = buildIcons;
