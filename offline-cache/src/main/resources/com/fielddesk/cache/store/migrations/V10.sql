-- The customer inbox counts unread customer messages (read_at is null, sender_kind 'customer') on
-- every open and every change; without this index the count walked the by-thread index and read
-- each row (73 ms over 25,000 messages); with it the count reads only the unread entries.
create index customer_messages_unread on customer_messages (read_at, sender_kind, customer_thread_id)
  where deleted_at is null;
