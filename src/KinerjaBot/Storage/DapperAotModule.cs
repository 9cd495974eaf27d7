// Every Dapper call of this assembly is replaced at build time by code Dapper.AOT generates for its SQL, parameters
// and row type, so nothing is emitted at run time and the bot can be published as a native image (decisions/0026).
[module: Dapper.DapperAot]
