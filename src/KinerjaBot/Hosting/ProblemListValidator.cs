using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>
/// Validates a settings class that lists its own problems (each naming the setting and what to set), so start-up
/// stops with all of them at once instead of a generic "validation failed".
/// </summary>
public sealed class ProblemListValidator<TOptions>(Func<TOptions, IReadOnlyList<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = problems(options);
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
