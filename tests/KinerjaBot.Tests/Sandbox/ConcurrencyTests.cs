using System.Diagnostics;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.Sandbox;

public sealed class ConcurrencyTests : SandboxTestBase
{
    [Fact]
    public async Task Many_users_writing_while_the_bot_polls_deliver_every_update_exactly_once_in_order()
    {
        const int Users = 8;
        const int MessagesEach = 25;
        var users = Enumerable.Range(1, Users).Select(i => Server.AddUser(6_000_000_000 + i, $"User{i}", null, $"62812000000{i:D2}")).ToList();
        var received = new List<long>();
        using var done = new CancellationTokenSource();

        var bot = Task.Run(async () =>
        {
            long offset = 0;
            while (received.Count < Users * MessagesEach)
            {
                var updates = await Api.GetUpdatesAsync(offset, timeout: 5);
                foreach (var update in updates)
                {
                    var id = update!["update_id"]!.GetValue<long>();
                    received.Add(id);
                    offset = id + 1;
                    // Answer each person, as the bot would, so sends and polls interleave with the users' writing.
                    var chatId = update["message"]!["chat"]!["id"]!.GetValue<long>();
                    await SendAsync(new { chat_id = chatId, text = "ok " + id });
                }
            }
        });
        await Task.WhenAll(users.Select(user => Task.Run(async () =>
        {
            for (var i = 0; i < MessagesEach; i++)
            {
                await user.SendTextAsync($"pesan {i}");
            }
        })));

        await bot.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Users * MessagesEach, received.Count);
        Assert.Equal(received.Order(), received);
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.All(users, user => Assert.Equal(2 * MessagesEach, user.Messages.Count));
    }

    [Fact]
    public async Task Stopping_the_server_ends_a_waiting_long_poll_promptly()
    {
        var poll = Api.CallAsync("getUpdates", new { timeout = 60 });
        await Server.WaitForLongPollAsync(Patience);
        var watch = Stopwatch.StartNew();

        await Server.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => poll.WaitAsync(Patience));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {watch.Elapsed}");
    }

    [Fact]
    public async Task Two_servers_run_side_by_side_on_their_own_ports()
    {
        await using var other = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions { Token = "42:other" });

        Assert.NotEqual(Server.BaseUrl, other.BaseUrl);
        Assert.StartsWith("http://127.0.0.1:", other.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(42, other.BotId);
        Assert.Empty(other.Users);
    }
}
