/** SNS and SQS: topics, subscriptions, queues; the message sink other services deliver through. */
package dev.vigil.messaging;
