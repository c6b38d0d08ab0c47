package dev.grantex.scim.test.internal;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/**
 * A response body produced piece by piece while it is written, so that a body of a
 * gigabyte, or one that never ends, costs the fake no more memory than one piece. Each
 * piece is a byte array the stream hands out in turn; a repeated filler hands out the
 * same shared array again and again. Not thread-safe: one instance per answer.
 */
final class GeneratedBody extends InputStream {

	/** The size of the shared filler pieces, and so of one write. */
	static final int PIECE_SIZE = 64 * 1024;

	private static final byte[] NOTHING = new byte[0];

	private final Iterator<byte[]> pieces;

	private byte[] current = NOTHING;

	private int position;

	private GeneratedBody(Iterator<byte[]> pieces) {
		this.pieces = pieces;
	}

	/**
	 * A body made of these parts, one after the other.
	 * @param parts the parts, each an iterator of pieces
	 * @return the body, positioned at its first byte
	 */
	static GeneratedBody of(List<Iterator<byte[]>> parts) {
		return new GeneratedBody(concatenate(parts));
	}

	/**
	 * A part holding exactly these bytes.
	 * @param bytes the bytes, not copied
	 * @return the part
	 */
	static Iterator<byte[]> bytes(byte[] bytes) {
		return List.of(bytes).iterator();
	}

	/**
	 * A part of {@code count} copies of one byte, handed out in shared pieces.
	 * @param filler the byte, e.g. {@code 'x'}
	 * @param count how many, or {@link Long#MAX_VALUE} for a part that in practice never
	 * ends
	 * @return the part
	 */
	static Iterator<byte[]> repeat(byte filler, long count) {
		byte[] piece = new byte[PIECE_SIZE];
		Arrays.fill(piece, filler);
		return new Iterator<>() {

			private long left = count;

			@Override
			public boolean hasNext() {
				return this.left > 0;
			}

			@Override
			public byte[] next() {
				if (this.left <= 0) {
					throw new NoSuchElementException();
				}
				if (this.left >= PIECE_SIZE) {
					this.left -= PIECE_SIZE;
					return piece;
				}
				byte[] last = Arrays.copyOf(piece, (int) this.left);
				this.left = 0;
				return last;
			}

		};
	}

	/**
	 * A part of {@code count} items, each built when it is reached.
	 * @param count how many items
	 * @param item builds the item at an index, from 0
	 * @return the part
	 */
	static Iterator<byte[]> items(long count, LongFunction<byte[]> item) {
		return new Iterator<>() {

			private long next;

			@Override
			public boolean hasNext() {
				return this.next < count;
			}

			@Override
			public byte[] next() {
				if (this.next >= count) {
					throw new NoSuchElementException();
				}
				return item.apply(this.next++);
			}

		};
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		while (this.position == this.current.length) {
			if (!this.pieces.hasNext()) {
				return -1;
			}
			this.current = this.pieces.next();
			this.position = 0;
		}
		int count = Math.min(length, this.current.length - this.position);
		System.arraycopy(this.current, this.position, buffer, offset, count);
		this.position += count;
		return count;
	}

	private static Iterator<byte[]> concatenate(List<Iterator<byte[]>> parts) {
		return new Iterator<>() {

			private int part;

			@Override
			public boolean hasNext() {
				while (this.part < parts.size()) {
					if (parts.get(this.part).hasNext()) {
						return true;
					}
					this.part++;
				}
				return false;
			}

			@Override
			public byte[] next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return parts.get(this.part).next();
			}

		};
	}

}
