package com.fielddesk.supabase.storage;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;
import okio.Sink;

import java.io.IOException;

/** Wraps an upload body to report bytes as they are written. A repeated attempt reports from 0 again. */
final class ProgressRequestBody extends RequestBody {

    private final RequestBody delegate;
    private final UploadProgressListener listener;

    ProgressRequestBody(RequestBody delegate, UploadProgressListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
        return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        long total = contentLength();
        Sink counting = new ForwardingSink(sink) {
            private long sent;

            @Override
            public void write(Buffer source, long byteCount) throws IOException {
                super.write(source, byteCount);
                sent += byteCount;
                listener.onProgress(sent, total);
            }
        };
        BufferedSink buffered = Okio.buffer(counting);
        delegate.writeTo(buffered);
        buffered.flush();
    }
}
