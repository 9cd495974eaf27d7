using System.Buffers.Binary;

namespace KinerjaBot.Sandbox;

/// <summary>Reads a PNG's or JPEG's pixel size from its header, for the PhotoSize Telegram reports.</summary>
internal static class ImageSize
{
    public static (int Width, int Height) Detect(byte[] bytes)
    {
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        if (bytes.Length >= 24 && bytes.AsSpan(0, 4).SequenceEqual(png))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < bytes.Length && bytes[i] == 0xFF)
            {
                var marker = bytes[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 2));
                // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    return (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 5)));
                }

                i += 2 + length;
            }
        }

        return (0, 0);
    }
}
