using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>
/// The long-lived SQLite writer connection, keeping one prepared command per SQL text so a statement is compiled
/// once, not on every execution. Dapper creates, fills and disposes a command per call; the commands it gets here
/// only collect the text and parameters and run them on the cached <see cref="SqliteCommand"/>, whose prepared
/// statements Microsoft.Data.Sqlite keeps and resets between executions.
/// </summary>
/// <remarks>
/// Safe because the writer runs one transaction at a time and every query of the tables is buffered (its reader is
/// closed before the next command runs). A command whose execution failed is dropped, so a statement left in an
/// unknown state is never reused.
/// </remarks>
internal sealed class PreparedStatementConnection(SqliteConnection inner) : DbConnection
{
    // The tables' SQL is a fixed set; texts built per call (IN lists) stop being cached past this many.
    private const int MaxCachedCommands = 256;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Open() => inner.Open();

    public override void Close() => inner.Close();

    /// <summary>Starts a transaction on the underlying connection (BEGIN IMMEDIATE unless <paramref name="deferred"/>).</summary>
    public DbTransaction BeginTransaction(bool deferred) => new OwnTransaction(this, inner.BeginTransaction(deferred));

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new OwnTransaction(this, inner.BeginTransaction(isolationLevel));

    protected override DbCommand CreateDbCommand() => new ReusingCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private T Run<T>(ReusingCommand request, Func<SqliteCommand, T> execute)
    {
        var text = request.CommandText;
        var cached = _commands.TryGetValue(text, out var command);
        if (!cached)
        {
            command = inner.CreateCommand();
            command.CommandText = text;
            if (_commands.Count < MaxCachedCommands)
            {
                _commands[text] = command;
                cached = true;
            }
        }

        command!.Transaction = ((OwnTransaction?)request.Transaction)?.Inner;
        command.CommandTimeout = request.CommandTimeout;
        command.CommandType = request.CommandType;
        command.Parameters.Clear();
        foreach (SqliteParameter parameter in request.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        var succeeded = false;
        try
        {
            var result = execute(command);
            succeeded = true;
            return result;
        }
        finally
        {
            // A reader binds its later statements as it reaches them, so the parameters stay until the next run.
            if (!cached || !succeeded)
            {
                _commands.Remove(text);
                command.Dispose();
            }
        }
    }

    /// <summary>
    /// The underlying transaction, named as this connection's: the generated Dapper code checks that a command's
    /// transaction belongs to the connection it was given (decisions/0026).
    /// </summary>
    private sealed class OwnTransaction(PreparedStatementConnection connection, SqliteTransaction inner) : DbTransaction
    {
        public SqliteTransaction Inner => inner;

        public override IsolationLevel IsolationLevel => inner.IsolationLevel;

        protected override DbConnection DbConnection => connection;

        public override void Commit() => inner.Commit();

        public override void Rollback() => inner.Rollback();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>What Dapper fills: the text and parameters, run on the connection's cached command for that text.</summary>
    private sealed class ReusingCommand(PreparedStatementConnection connection) : DbCommand
    {
        // Only a holder for the parameters Dapper adds; never executed itself.
        private readonly SqliteCommand _parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; } = 30;

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => connection;

            // The generated Dapper code sets the connection it was given, which is this one.
            set
            {
                if (!ReferenceEquals(value, connection))
                {
                    throw new NotSupportedException("A command of a kept connection stays on it.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery() => connection.Run(this, static command => command.ExecuteNonQuery());

        public override object? ExecuteScalar() => connection.Run(this, static command => command.ExecuteScalar());

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        // The reader's own dispose resets the statements (every query of the tables is buffered and closes it).
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            connection.Run(this, command => command.ExecuteReader(behavior));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _parameters.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
