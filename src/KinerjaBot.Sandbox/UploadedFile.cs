namespace KinerjaBot.Sandbox;

/// <summary>A file part of a multipart/form-data request.</summary>
internal sealed record UploadedFile(string FileName, string? ContentType, byte[] Bytes);
