/// certwiz's version, for `certwiz --version` and bug reports.
let certwizVersion = "0.9.0"
