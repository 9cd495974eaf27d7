using System.Text.Json;
using KinerjaBot.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using static KinerjaBot.Tests.Telegram.FakeBotApiHandler;
using static KinerjaBot.Tests.Telegram.TelegramTestSupport;

namespace KinerjaBot.Tests.Telegram;

public sealed class UpdateBatchReaderTests
{
    private const string Chat = """ "chat":{"id":42,"type":"private"} """;
    private const string From = """ "from":{"id":42,"is_bot":false,"first_name":"Budi"} """;

    private readonly FakeBotApiHandler _api = new();

    [Fact]
    public async Task Getting_updates_sends_offset_limit_timeout_and_allowed_updates_in_snake_case()
    {
        _api.Then(Ok("[]"));

        await Client(_api).SendRequest(new GetRawUpdatesRequest { Offset = 101, Limit = 50, Timeout = 25, AllowedUpdates = ["message", "callback_query"] });

        var request = Assert.Single(_api.Requests);
        Assert.Equal(MethodUrl("getUpdates"), request.Uri.ToString());
        var body = request.Json();
        Assert.Equal(101, body.GetProperty("offset").GetInt64());
        Assert.Equal(50, body.GetProperty("limit").GetInt32());
        Assert.Equal(25, body.GetProperty("timeout").GetInt32());
        Assert.Equal(["message", "callback_query"], body.GetProperty("allowed_updates").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Getting_updates_leaves_out_parameters_that_are_not_given()
    {
        _api.Then(Ok("[]"));

        await Client(_api).SendRequest(new GetRawUpdatesRequest());

        Assert.Equal("{}", Assert.Single(_api.Requests).BodyText);
    }

    [Fact]
    public void Messages_contacts_documents_photos_and_callback_queries_are_read()
    {
        var batch = Read($$$$"""
            [
              {"update_id":1,"message":{"message_id":10,"date":1767225600,{{{{Chat}}}},"from":{"id":42,"is_bot":false,"first_name":"Budi","language_code":"id"},"text":"/start"}},
              {"update_id":2,"message":{"message_id":11,"date":1767225601,{{{{Chat}}}},{{{{From}}}},
                "contact":{"phone_number":"+6281234567890","first_name":"Budi","last_name":"S","user_id":42}}},
              {"update_id":3,"message":{"message_id":12,"date":1767225602,{{{{Chat}}}},{{{{From}}}},
                "document":{"file_id":"DOC","file_unique_id":"U1","file_name":"data.xlsx","mime_type":"application/x","file_size":2048},"caption":"lampiran"}},
              {"update_id":4,"message":{"message_id":13,"date":1767225603,{{{{Chat}}}},{{{{From}}}},
                "photo":[{"file_id":"S","file_unique_id":"P1","width":90,"height":60},{"file_id":"L","file_unique_id":"P2","width":1280,"height":853,"file_size":99000}]}},
              {"update_id":5,"callback_query":{"id":"cb-1",{{{{From}}}},"chat_instance":"ci","data":"approve:7",
                "message":{"message_id":14,"date":1767225604,{{{{Chat}}}},"text":"Setujui?"}}},
              {"update_id":6,"edited_message":{"message_id":10,"date":1767225600,"edit_date":1767225700,{{{{Chat}}}},"text":"/status"},"some_future_field":{"x":1}}
            ]
            """);

        Assert.Empty(batch.Malformed);
        Assert.Equal(7, batch.NextOffset);
        var updates = batch.Updates;
        Assert.Equal([1, 2, 3, 4, 5, 6], updates.Select(u => u.Id));
        Assert.Equal("/start", updates[0].Message!.Text);
        Assert.Equal(ChatType.Private, updates[0].Message!.Chat.Type);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), updates[0].Message!.Date);
        Assert.Equal("+6281234567890", updates[1].Message!.Contact!.PhoneNumber);
        Assert.Equal(42, updates[1].Message!.Contact!.UserId);
        Assert.Equal("data.xlsx", updates[2].Message!.Document!.FileName);
        Assert.Equal("lampiran", updates[2].Message!.Caption);
        Assert.Equal("L", updates[3].Message!.Photo![^1].FileId);
        Assert.Equal("approve:7", updates[4].CallbackQuery!.Data);
        Assert.Equal(14, updates[4].CallbackQuery!.Message!.Id);
        Assert.Equal("/status", updates[5].EditedMessage!.Text);
    }

    [Theory]
    [InlineData("a message without its chat", """{"update_id":8,"message":{"message_id":1,"date":1767225600,"from":{"id":42,"is_bot":false,"first_name":"Budi"},"text":"x"}}""", "chat")]
    [InlineData("a message without its date", """{"update_id":8,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"text":"x"}}""", "date")]
    [InlineData("a sender without a first name", """{"update_id":8,"message":{"message_id":1,"date":1767225600,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false},"text":"x"}}""", "first_name")]
    [InlineData("a chat id that is a word", """{"update_id":8,"message":{"message_id":1,"date":1767225600,"chat":{"id":"dua","type":"private"},"text":"x"}}""", "")]
    [InlineData("a text that is a number", """{"update_id":8,"message":{"message_id":1,"date":1767225600,"chat":{"id":42,"type":"private"},"text":72}}""", "")]
    [InlineData("a lone surrogate escape", """{"update_id":8,"message":{"message_id":1,"date":1767225600,"chat":{"id":42,"type":"private"},"text":"\ud800"}}""", "")]
    [InlineData("a press without its presser", """{"update_id":8,"callback_query":{"id":"cb","chat_instance":"ci","data":"ok"}}""", "from")]
    public void An_unreadable_update_is_reported_with_its_id_and_the_others_are_kept(string kind, string malformed, string reasonMentions)
    {
        var batch = Read($$$$"""
            [
              {"update_id":7,"message":{"message_id":1,"date":1767225600,{{{{Chat}}}},{{{{From}}}},"text":"/status"}},
              {{{{malformed}}}},
              {"update_id":9,"message":{"message_id":2,"date":1767225600,{{{{Chat}}}},{{{{From}}}},"text":"/bantuan"}}
            ]
            """);

        Assert.Equal(["/status", "/bantuan"], batch.Updates.Select(u => u.Message!.Text));
        var skipped = Assert.Single(batch.Malformed);
        Assert.True(skipped.UpdateId == 8, $"{kind}: reported as {skipped}");
        Assert.Contains(reasonMentions, skipped.Reason);
        Assert.Equal(10, batch.NextOffset);
    }

    [Fact]
    public void An_unreadable_update_at_the_end_of_the_batch_still_moves_the_offset_past_it()
    {
        var batch = Read($$$$"""
            [
              {"update_id":7,"message":{"message_id":1,"date":1767225600,{{{{Chat}}}},{{{{From}}}},"text":"/status"}},
              {"update_id":8,"message":{"message_id":2,"date":1767225600,"chat":{"id":{},"type":"private"}}}
            ]
            """);

        Assert.Single(batch.Updates);
        Assert.Equal(9, batch.NextOffset);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"rusak\"")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("""{"message":{"text":"tanpa id"}}""")]
    [InlineData("""{"update_id":"tujuh","message":{"text":"x"}}""")]
    public void An_entry_without_a_readable_update_id_is_reported_without_one(string entry)
    {
        var batch = Read($$$$"""[{{{{entry}}}},{"update_id":9,"message":{"message_id":2,"date":1767225600,{{{{Chat}}}},{{{{From}}}},"text":"/bantuan"}}]""");

        Assert.Null(Assert.Single(batch.Malformed).UpdateId);
        Assert.Equal("/bantuan", Assert.Single(batch.Updates).Message!.Text);
        Assert.Equal(10, batch.NextOffset);
    }

    [Fact]
    public void An_empty_answer_has_nothing_to_confirm()
    {
        var batch = Read("[]");

        Assert.Empty(batch.Updates);
        Assert.Null(batch.NextOffset);
    }

    private static UpdateBatch Read(string json) =>
        UpdateBatchReader.Read(JsonSerializer.Deserialize<JsonElement[]>(json)!);
}
