package com.fielddesk.localbackend.http;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * HTTP/1.1 connections whose parse failures are always client errors: Jetty answers a request
 * line with an unknown protocol version (e.g. {@code HTTP/9.9}) with 505, a 5xx for what is a
 * malformed request. Here it is a 400 (still rendered by {@link JsonErrorHandler}), so no input
 * makes the server answer 5xx.
 */
final class ClientErrorConnectionFactory extends HttpConnectionFactory {

    ClientErrorConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations()) {
            @Override
            protected HttpChannelOverHttp newHttpChannel() {
                return new HttpChannelOverHttp(this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
                    @Override
                    public void badMessage(BadMessageException failure) {
                        super.badMessage(failure.getCode() >= HttpStatus.INTERNAL_SERVER_ERROR_500
                                ? new BadMessageException(HttpStatus.BAD_REQUEST_400, failure.getReason(), failure)
                                : failure);
                    }
                };
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }
}
