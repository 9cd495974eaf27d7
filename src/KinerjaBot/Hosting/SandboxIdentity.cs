using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace KinerjaBot.Hosting;

/// <summary>
/// The sandbox's secrets: a bot token new on every run, and simulated user ids derived from a random key kept in the
/// data directory. A web page cannot guess either, so it cannot address the local Bot API or an official's chat;
/// the key is kept (not renewed per run) because registrations in the data directory are bound to those ids.
/// </summary>
internal sealed class SandboxIdentity
{
    /// <summary>The file in the data directory holding the user-id key; delete it with the data to start afresh.</summary>
    public const string KeyFileName = "sandbox-user-ids.key";

    // The sandbox bot's own id (the digits before ':' in its token), far from the simulated users' range.
    private const long BotId = 7_000_000_001;

    // Simulated user ids live in [UserIdBase, UserIdBase + UserIdRange).
    private const long UserIdBase = 1_000_000_000;
    private const long UserIdRange = 5_000_000_000;

    private readonly byte[] _key;

    private SandboxIdentity(byte[] key, string token)
    {
        _key = key;
        Token = token;
    }

    /// <summary>This run's bot token, e.g. <c>7000000001:Xq3…</c>.</summary>
    public string Token { get; }

    /// <summary>Reads the user-id key from <paramref name="dataDirectory"/> (creating it on the first run) and draws a token.</summary>
    public static SandboxIdentity Load(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        byte[] key;
        if (File.Exists(path) && TryReadKey(File.ReadAllText(path)) is { } existing)
        {
            key = existing;
        }
        else
        {
            key = RandomNumberGenerator.GetBytes(32);
            File.WriteAllText(path, Convert.ToHexString(key) + Environment.NewLine);
        }

        var token = $"{BotId}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_')}";
        return new SandboxIdentity(key, token);
    }

    /// <summary>The simulated Telegram user id of an official: the same for every run on this data directory.</summary>
    public long UserId(string officialId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(officialId));
        return UserIdBase + (long)(BinaryPrimitives.ReadUInt64BigEndian(mac) % UserIdRange);
    }

    private static byte[]? TryReadKey(string text)
    {
        try
        {
            var key = Convert.FromHexString(text.Trim());
            return key.Length >= 16 ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
