using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace KinerjaBot.Tests.Support;

/// <summary>
/// The built bot as its own operating-system process (<c>dotnet KinerjaBot.dll --Key=value …</c>), as a deployment
/// runs it: nothing shared with the test but the network and the database. Its console output is kept for the
/// test's report; <see cref="Kill"/> ends it with SIGKILL, so it finishes nothing.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Stopwatch _age = Stopwatch.StartNew();
    private int _pid;
    private string? _exit;

    private BotProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    /// <summary>
    /// The bot's build output beside the test assembly: the test project references the bot, so KinerjaBot.dll comes
    /// with its runtimeconfig and deps files, in the same configuration as the tests, and always up to date with them.
    /// </summary>
    public static string BotAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "KinerjaBot.dll");
            return File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json"))
                ? path
                : throw new InvalidOperationException($"The bot's build output is not beside the tests ({path} with its .runtimeconfig.json); build tests/KinerjaBot.Tests.");
        }
    }

    /// <summary>Starts the bot with these settings; it runs until killed or disposed.</summary>
    public static BotProcess Start(string name, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo(DotnetHost(), [BotAssembly, .. settings])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };

        // The test run's own settings are not the bot's: it gets its settings from the command line only.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("KinerjaBot__", StringComparison.Ordinal) || k.StartsWith("Telegram__", StringComparison.Ordinal) || k.StartsWith("Storage__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        var process = new Process { StartInfo = start };
        var bot = new BotProcess(process, name);
        process.OutputDataReceived += (_, e) => bot.Keep("out", e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep("err", e.Data);
        process.Start();
        bot._pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Everything the process wrote, each line stamped with the time since it started.</summary>
    public string Output => $"----- {Name} (pid {_pid}, {_exit ?? (_process.HasExited ? ExitDescription() : "running")}) -----{Environment.NewLine}"
        + string.Join(Environment.NewLine, _output);

    /// <summary>SIGKILL to the bot's own process (dotnet runs the bot in-process), then waits until it is gone.</summary>
    public void Kill()
    {
        if (_exit is not null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException($"{Name} did not die within 30 s of SIGKILL.");
            }
        }

        // The parameterless wait also drains the redirected output, so the report ends with the process's last line.
        _process.WaitForExit();
        _exit = ExitDescription();
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }

    // The SDK's dotnet when the tests run under it; otherwise the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private string ExitDescription()
    {
        var code = _process.ExitCode;

        // 128 + 9: the shell's way of saying SIGKILL, which .NET reports as 137.
        return code == 137 ? "killed by SIGKILL" : $"exited with code {code.ToString(CultureInfo.InvariantCulture)}";
    }

    private void Keep(string stream, string? line)
    {
        if (line is not null)
        {
            _output.Enqueue($"{_age.Elapsed.TotalSeconds,7:0.000} {stream} {line}");
        }
    }
}
