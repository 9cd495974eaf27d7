using Microsoft.Extensions.Options;

namespace KinerjaBot.TelegramChannel;

/// <summary>Checks <see cref="TelegramUpdateOptions"/> at start, naming every problem and what to set.</summary>
public sealed class TelegramUpdateOptionsValidator : IValidateOptions<TelegramUpdateOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramUpdateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
