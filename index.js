// n8n loads this package's nodes and credentials from the `n8n` section of package.json;
// this entry point only satisfies `main` (as in n8n's original starter).
module.exports = {};
