using KinerjaBot.Actions;
using KinerjaBot.Conversations;
using KinerjaBot.Domain;
using KinerjaBot.TelegramChannel;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types;
using Telegram.Bot;

namespace KinerjaBot.Tests.TelegramChannel;

public sealed class UpdateTranslatorTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly Mock<ITelegramBotClient> _client = new(MockBehavior.Strict);
    private readonly UpdateTranslator _translator;

    public UpdateTranslatorTests()
    {
        var office = SampleOffice.Configuration;
        var catalog = new WorkflowCatalog(office);
        var services = new ConversationServices(office, new WorkflowService(catalog, TimeProvider.System), office.CreateCalendar(), RatingBands.Default, _data.Path, null);
        _translator = new UpdateTranslator(_client.Object, services, NullLogger<UpdateTranslator>.Instance);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_message_in_a_group_is_not_a_conversation_with_an_official()
    {
        var update = new Update { Id = 5, Message = Message(ChatType.Group, text: "/start") };

        Assert.Null(await _translator.TranslateAsync(update, mayDownload: true, default));
    }

    [Fact]
    public async Task A_photo_from_a_chat_that_may_not_download_is_passed_on_without_fetching_it()
    {
        var message = Message(ChatType.Private, caption: "85");
        message.Photo = [new PhotoSize { FileId = "f", FileUniqueId = "u", Width = 10, Height = 10 }];
        var update = new Update { Id = 6, Message = message };

        var incoming = await _translator.TranslateAsync(update, mayDownload: false, default);

        Assert.Equal("85", incoming!.Text);
        Assert.Null(incoming.Attachment);
        _client.VerifyNoOtherCalls();
    }

    private static Message Message(ChatType chatType, string? text = null, string? caption = null) => new()
    {
        Id = 1,
        Date = DateTime.UnixEpoch,
        Chat = new Chat { Id = 42, Type = chatType },
        From = new User { Id = 42, FirstName = "Ani" },
        Text = text,
        Caption = caption,
    };
}
