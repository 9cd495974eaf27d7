using System.Diagnostics;
using System.Net;

namespace KinerjaBot.Tests.Sandbox;

public sealed class UpdatesTests : SandboxTestBase
{
    [Fact]
    public async Task GetMe_describes_the_bot_whose_id_is_the_tokens_number()
    {
        var me = await Api.ResultAsync("getMe");

        Assert.Equal(7000000001, me["id"]!.GetValue<long>());
        Assert.True(me["is_bot"]!.GetValue<bool>());
        Assert.Equal("Kinerja", me["first_name"]!.GetValue<string>());
        Assert.Equal("KinerjaTestBot", me["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_a_user_writes()
    {
        var watch = Stopwatch.StartNew();
        var poll = Api.GetUpdatesAsync(timeout: 30);
        await Server.WaitForLongPollAsync(Patience);
        Assert.False(poll.IsCompleted);

        var updateId = await Ani.SendTextAsync("/start");
        var updates = await poll.WaitAsync(Patience);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        var update = Assert.Single(updates);
        Assert.Equal(updateId, update!["update_id"]!.GetValue<long>());
        var message = update["message"]!;
        Assert.Equal("/start", message["text"]!.GetValue<string>());
        Assert.Equal(AniId, message["chat"]!["id"]!.GetValue<long>());
        Assert.Equal("private", message["chat"]!["type"]!.GetValue<string>());
        Assert.Equal(AniId, message["from"]!["id"]!.GetValue<long>());
        Assert.Equal(Morning.ToUnixTimeSeconds(), message["date"]!.GetValue<long>());
        var entity = Assert.Single(message["entities"]!.AsArray());
        Assert.Equal("bot_command", entity!["type"]!.GetValue<string>());
        Assert.Equal(6, entity["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_long_poll_with_nothing_to_deliver_waits_its_timeout_then_returns_no_updates()
    {
        var watch = Stopwatch.StartNew();

        var updates = await Api.GetUpdatesAsync(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Plain_text_gets_no_command_entity()
    {
        await Ani.SendTextAsync("12,5 persen");

        var update = Assert.Single(await Api.GetUpdatesAsync());

        Assert.Equal("12,5 persen", update!["message"]!["text"]!.GetValue<string>());
        Assert.Null(update["message"]!["entities"]);
    }

    [Fact]
    public async Task Updates_stay_until_an_offset_confirms_them()
    {
        var first = await Ani.SendTextAsync("satu");
        var second = await Ani.SendTextAsync("dua");

        Assert.Equal(2, (await Api.GetUpdatesAsync()).Count);
        Assert.Equal(2, (await Api.GetUpdatesAsync()).Count);

        var afterFirst = await Api.GetUpdatesAsync(offset: first + 1);
        Assert.Equal(second, Assert.Single(afterFirst)!["update_id"]!.GetValue<long>());

        Assert.Empty(await Api.GetUpdatesAsync(offset: second + 1));
        Assert.Empty(await Api.GetUpdatesAsync());
        Assert.Equal(0, Server.PendingUpdateCount);
    }

    [Fact]
    public async Task The_limit_caps_how_many_updates_one_poll_returns()
    {
        await Ani.SendTextAsync("satu");
        await Ani.SendTextAsync("dua");
        await Ani.SendTextAsync("tiga");

        var updates = (await Api.ResultAsync("getUpdates", new { limit = 2 })).AsArray();

        Assert.Equal(["satu", "dua"], updates.Select(u => u!["message"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_redelivered_update_comes_back_once_with_its_original_id()
    {
        var updateId = await Ani.SendTextAsync("/start");
        Assert.Single(await Api.GetUpdatesAsync(offset: 0));
        Assert.Empty(await Api.GetUpdatesAsync(offset: updateId + 1));

        Server.RedeliverUpdate(updateId);

        var again = Assert.Single(await Api.GetUpdatesAsync(offset: updateId + 1));
        Assert.Equal(updateId, again!["update_id"]!.GetValue<long>());
        Assert.Equal("/start", again["message"]!["text"]!.GetValue<string>());
        Assert.Empty(await Api.GetUpdatesAsync(offset: updateId + 1));
    }

    [Fact]
    public async Task A_redelivered_update_wakes_a_waiting_long_poll()
    {
        var updateId = await Ani.SendTextAsync("/start");
        await Api.GetUpdatesAsync(offset: updateId + 1);
        var poll = Api.GetUpdatesAsync(offset: updateId + 1, timeout: 30);
        await Server.WaitForLongPollAsync(Patience);

        Server.RedeliverUpdate(updateId);

        Assert.Equal(updateId, Assert.Single(await poll.WaitAsync(Patience))!["update_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_second_long_poll_ends_the_first_with_409_conflict_as_two_bot_instances_would_see()
    {
        var first = Api.CallAsync("getUpdates", new { timeout = 30 });
        await Server.WaitForLongPollAsync(Patience);
        var second = Api.GetUpdatesAsync(timeout: 30);

        var (status, body) = await first.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            body["description"]!.GetValue<string>());

        await Ani.SendTextAsync("halo");
        Assert.Single(await second.WaitAsync(Patience));
    }

    [Fact]
    public async Task Sharing_ones_own_contact_reports_ones_own_user_id()
    {
        await Ani.ShareContactAsync();

        var contact = Assert.Single(await Api.GetUpdatesAsync())!["message"]!["contact"]!;

        Assert.Equal("6281234567890", contact["phone_number"]!.GetValue<string>());
        Assert.Equal(AniId, contact["user_id"]!.GetValue<long>());
        Assert.Equal("Ani", contact["first_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forwarded_contact_carries_the_other_persons_user_id_or_none()
    {
        await Ani.ShareContactAsync("081299998888", 42);
        await Ani.ShareContactAsync("+6281200001111", null);

        var updates = await Api.GetUpdatesAsync();

        Assert.Equal(42, updates[0]!["message"]!["contact"]!["user_id"]!.GetValue<long>());
        Assert.Equal("+6281200001111", updates[1]!["message"]!["contact"]!["phone_number"]!.GetValue<string>());
        Assert.Null(updates[1]!["message"]!["contact"]!["user_id"]);
        Assert.Equal(42, Ani.Messages[0].Contact!.UserId);
    }

    [Fact]
    public async Task Pressing_a_button_sends_a_callback_query_with_the_message_and_its_data()
    {
        await StartChatAsync(Ani);
        var messageId = await SendAsync(new { chat_id = AniId, text = "Isi data?", reply_markup = Keyboard(("Mulai isi", "fill:7")) });

        var updateId = await Ani.PressButtonAsync("Mulai isi");

        var query = Assert.Single(await Api.GetUpdatesAsync(offset: updateId))!["callback_query"]!;
        Assert.Equal("fill:7", query["data"]!.GetValue<string>());
        Assert.Equal(AniId, query["from"]!["id"]!.GetValue<long>());
        Assert.Equal(messageId, query["message"]!["message_id"]!.GetValue<long>());
        Assert.Equal("Isi data?", query["message"]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(query["chat_instance"]!.GetValue<string>()));

        Assert.True((await Api.ResultAsync("answerCallbackQuery", new { callback_query_id = query["id"]!.GetValue<string>(), text = "Oke" })).GetValue<bool>());
        var answer = Assert.Single(Server.CallbackAnswers);
        Assert.Equal(("fill:7", "Oke", messageId), (answer.CallbackData, answer.Text, answer.MessageId));
    }

    [Fact]
    public async Task A_forged_press_with_data_that_no_button_carries_still_reaches_the_bot()
    {
        await StartChatAsync(Ani);
        var messageId = await SendAsync(new { chat_id = AniId, text = "Isi data?", reply_markup = Keyboard(("Mulai isi", "fill:7")) });

        var updateId = await Ani.PressButtonAsync(messageId, "approve:7");

        Assert.Equal("approve:7", Assert.Single(await Api.GetUpdatesAsync(offset: updateId))!["callback_query"]!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_version_grows_and_wakes_a_watcher_when_anything_visible_changes()
    {
        var known = Server.Version;
        var watcher = Server.WaitForChangeAsync(known);
        Assert.False(watcher.IsCompleted);

        await Ani.SendTextAsync("halo");

        Assert.True(await watcher.WaitAsync(Patience) > known);
    }
}
