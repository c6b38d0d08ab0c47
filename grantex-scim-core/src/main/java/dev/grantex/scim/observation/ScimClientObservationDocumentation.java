package dev.grantex.scim.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation the client makes, and its keys.
 */
public enum ScimClientObservationDocumentation implements ObservationDocumentation {

	/**
	 * One logical client operation, all its attempts and waits included.
	 */
	OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultScimClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return Events.values();
		}

	},

	/**
	 * A wait before sending, for Grantex's announced rate limit to allow the request;
	 * made only when there is a wait.
	 */
	PACING {

		@Override
		public String getName() {
			return PACING_NAME;
		}

		@Override
		public String getContextualName() {
			return "grantex.scim pacing";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OPERATION, PacingKeyNames.SCOPE,
					LowCardinalityKeyNames.CLIENT_NAME };
		}

	};

	/** The name of the pacing observation, and of its timer. */
	public static final String PACING_NAME = "grantex.scim.client.pacing";

	/**
	 * Keys of the pacing observation besides the operation and client name.
	 */
	public enum PacingKeyNames implements KeyName {

		/**
		 * Which rate limit: {@code ip} (per client IP) or {@code developer} (per plan).
		 */
		SCOPE {
			@Override
			public String asString() {
				return "scope";
			}
		}

	}

	/**
	 * Keys with few values, fit for metrics. None ever holds a user name, an email, a
	 * label or a credential.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The operation, such as {@code tokens.create} or {@code users.get}. */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * How it ended: {@code success}, {@code client-error}, {@code server-error},
		 * {@code rate-limited} or {@code transport-error}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The final HTTP status, or {@code none} when no response was received. */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		},

		/** The simple class name of the exception that ended it, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		},

		/**
		 * The name of the client, {@code grantex} unless its builder set another, to tell
		 * several clients apart (one per Grantex account, say).
		 */
		CLIENT_NAME {
			@Override
			public String asString() {
				return "client.name";
			}
		}

	}

	/**
	 * Keys with many values, for traces only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The id of the user or token the operation concerns. */
		RESOURCE_ID {
			@Override
			public String asString() {
				return "grantex.scim.resource.id";
			}
		}

	}

	/**
	 * Events within an operation.
	 */
	public enum Events implements Observation.Event {

		/** A failed attempt is about to be retried. */
		RETRY {
			@Override
			public String getName() {
				return "retry";
			}
		}

	}

}
