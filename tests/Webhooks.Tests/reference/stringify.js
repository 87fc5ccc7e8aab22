// JSON.stringify(JSON.parse(text)) of each text in the JSON array in the file named by the first argument.
const fs = require('fs')
const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
process.stdout.write(JSON.stringify(texts.map(text => JSON.stringify(JSON.parse(text)))))
