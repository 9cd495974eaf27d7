using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Workflow;

namespace KinerjaBot.Conversations;

/// <summary>The long-lived collaborators every conversation step may need.</summary>
public sealed record ConversationServices(
    OfficeConfiguration Office,
    WorkflowService Workflows,
    WorkingCalendar Calendar,
    RatingBands Ratings,
    string DataDirectory,
    string? SourceUrl);
