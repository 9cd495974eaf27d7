namespace KinerjaBot.Conversations;

/// <summary>
/// The two fields the report chain reads from the current state (which report draft led to a "ke mana?" choice),
/// kept as extension properties so the chain compiles unchanged until it returns results instead of reading the
/// conversation. Delete with that change.
/// </summary>
public static class ChatStateReportView
{
    extension(ChatState state)
    {
        /// <summary>The report a "ke mana?" choice is about; null for every other state.</summary>
        public long? InstanceId => state is ChoosingReturnTarget choosing ? choosing.ReportId : null;

        /// <summary>The draft message whose Kembalikan led to the "ke mana?" choice; null for every other state.</summary>
        public long? SourceMessageId => state is ChoosingReturnTarget choosing ? choosing.SourceMessageId : null;
    }
}
